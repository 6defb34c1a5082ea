import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The project root, found from this file so it works from src/ under tsx and under Jest. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const schemasDir = path.join(projectRoot, 'schemas');
export const policiesDir = path.join(projectRoot, 'policies');
