// A worker thread of the first build (see parallelBuild.ts): it makes the same annotators as the
// main thread (the built-in entity catalog and the user's entity files) and analyses the batches
// of files it is sent, in the order they come, answering each with its analysed batch.
import { parentPort, workerData } from 'node:worker_threads';
import { bridges } from '../bridges';
import { analyseFiles, TermEncoder, transferables, type FileText } from '../core/fileAnalysis';
import { silentLogger } from '../core/types';
import type { AnalysisRequest, AnalysisResponse, WorkerSetup } from './parallelBuild';

const setup = workerData as WorkerSetup;
const { annotators } = bridges({ entityFiles: setup.entityFiles, folders: [], logger: silentLogger });
const encoder = new TermEncoder();

parentPort!.on('message', ({ batch, files }: AnalysisRequest) => {
  let response: AnalysisResponse;
  try {
    const result = analyseFiles(files as FileText[], annotators, encoder);
    response = { batch, result };
    parentPort!.postMessage(response, transferables(result));
  } catch (e) {
    response = { batch, error: (e as Error).stack ?? String(e) };
    parentPort!.postMessage(response);
  }
});
