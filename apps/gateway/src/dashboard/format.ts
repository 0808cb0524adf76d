import type { JobState, ModelVersionStatus, Stage } from './api-types.js';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

export const formatCount = (count: number): string => count.toLocaleString('en-US');

export const formatPercent = (share: number, digits = 1): string => `${(share * 100).toFixed(digits)}%`;

/** Four significant digits, enough to compare metrics without noise. */
export const formatMetric = (value: number): string => (Number.isFinite(value) ? Number(value.toPrecision(4)).toString() : '—');

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function formatTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

export const jobStateName = (state: JobState): string => state.replace('JOB_STATE_', '').toLowerCase();
export const stageName = (stage: Stage): string => stage.replace('STAGE_', '').toLowerCase();
export const versionStatusName = (status: ModelVersionStatus): string => status.replace('MODEL_VERSION_STATUS_', '').toLowerCase();
