import type { Response } from 'express';
import type { Html } from '../report/html.js';

export const sendHtml = (res: Response, page: Html) => res.type('text/html; charset=utf-8').send(page.text);
