import { InvalidArgumentError, NotFoundError } from '@aiaas/errors';
import type { EvaluateModelRequest__Output, Evaluation, GetModelReportRequest__Output, ModelReport } from '@aiaas/proto';
import { evaluationToMessage, versionSelectorOf } from '@aiaas/registry';
import { summarise } from './evaluation-report';
import { evaluateDataset, type EvaluationSources } from './scoring/evaluate-version';
import { loadVersion } from './scoring/loaded-version';

export interface EvaluationServiceDependencies extends EvaluationSources {
  readonly now?: () => number;
}

/** EvaluateModel and GetModelReport: evaluations on any dataset, and every evaluation's report. */
export class EvaluationService {
  constructor(private readonly dependencies: EvaluationServiceDependencies) {}

  /**
   * Scores a version on every row of a dataset that holds its target and input columns, stores
   * the result and its report with the version (a rerun replaces them), and answers it.
   */
  async evaluateModel(request: EvaluateModelRequest__Output): Promise<Required<Evaluation>> {
    const { models, datasets, store } = this.dependencies;
    if (!request.model_name) throw new InvalidArgumentError('model_name', 'is required');
    if (!request.dataset_id) throw new InvalidArgumentError('dataset_id', 'is required: the dataset to score the version on');
    const record = await models.resolve(request.model_name, versionSelectorOf(request));
    const dataset = await datasets.get(request.dataset_id);
    const columns = dataset.columns.map((column) => column.name);
    const missing = [record.targetColumn, ...record.inputColumns].filter((column) => !columns.includes(column));
    if (missing.length > 0) {
      throw new InvalidArgumentError('dataset_id', `dataset ${dataset.id} lacks ${missing.map((column) => `"${column}"`).join(', ')}, which version ${record.version} of ${record.modelName} needs (its target and inputs); its columns are ${columns.join(', ')}`);
    }
    if (record.labels === 'interaction') {
      throw new InvalidArgumentError('model_name', `version ${record.version} of ${record.modelName} learned implicit feedback, which is scored against sampled non-interactions of its own test split; EvaluateModel scores labelled rows only`);
    }
    request.slice_columns.forEach((column, index) => {
      if (!columns.includes(column)) throw new InvalidArgumentError(`slice_columns[${index}]`, `"${column}" is not a column of dataset ${dataset.id}`);
    });
    const version = await loadVersion(store, record);
    try {
      const evaluation = await evaluateDataset(this.dependencies, version, dataset, request.slice_columns);
      const summary = await summarise(store, record, evaluation, { datasetId: dataset.id, split: 'all', evaluatedAt: (this.dependencies.now ?? Date.now)() });
      await models.recordDatasetEvaluation(record.modelName, record.version, summary);
      return evaluationToMessage(record.modelName, record.version, summary);
    } finally {
      version.model.dispose();
    }
  }

  /** A stored report: of the version's test split, or of its EvaluateModel run on `dataset_id`. */
  async getModelReport(request: GetModelReportRequest__Output): Promise<Required<ModelReport>> {
    const { models, store } = this.dependencies;
    if (!request.model_name) throw new InvalidArgumentError('model_name', 'is required');
    const record = await models.resolve(request.model_name, versionSelectorOf(request));
    const summary = request.dataset_id
      ? await models.getDatasetEvaluation(record.modelName, record.version, request.dataset_id)
      : (await models.getVersionView(record.modelName, record.version)).evaluation?.summary;
    if (!summary?.report) {
      throw NotFoundError.of('report', `${record.modelName}@${record.version}`, 'the version has not been evaluated by this release yet; rerun its pipeline or call EvaluateModel');
    }
    const [json, html] = await Promise.all([store.get(summary.report.json), store.get(summary.report.html)]);
    return { model_name: record.modelName, version: record.version, json: json.toString('utf8'), html: html.toString('utf8') };
  }
}
