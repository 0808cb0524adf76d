import { z } from 'zod';

/** A list of strings none of which repeats: vocabularies, classes, id lists. */
export const distinctStringsSchema = z.array(z.string()).refine((values) => new Set(values).size === values.length, { message: 'entries must be distinct' });
