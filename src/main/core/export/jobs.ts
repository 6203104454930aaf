import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api';
import type { ExportJobStatus, ExportRequest } from '../../../shared/export';
import type { ExportService } from './service';
import { describeWriteError } from './service';
import { ForeignTargetError } from './ownership';

/** Finished jobs kept for their last status read. */
const KEEP_FINISHED = 20;

/**
 * Batch exports run in the background so the UI can poll progress; each job
 * exports its articles one after another and records every result.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, ExportJobStatus>();

  constructor(private readonly service: ExportService) {}

  start(request: ExportRequest): { jobId: string } {
    const jobId = randomUUID();
    const status: ExportJobStatus = { jobId, total: 0, done: 0, finished: false, results: [], indexPath: null, error: null };
    this.jobs.set(jobId, status);
    try {
      status.total = this.service.resolveIds(request).length;
    } catch (err) {
      status.error = (err as Error).message;
      status.finished = true;
      return { jobId };
    }
    // Let the call return before the first article is rendered.
    setImmediate(() => {
      this.service
        .exportMany(request, (done, total, last) => {
          status.done = done;
          status.total = total;
          status.results.push(last);
        })
        .then(
          ({ indexPath }) => {
            status.indexPath = indexPath;
          },
          (err: unknown) => {
            status.error = err instanceof ApiError ? err.message : describeWriteError(err);
            if (err instanceof ForeignTargetError) status.refusedPath = err.path;
          },
        )
        .finally(() => {
          status.finished = true;
          this.prune();
        });
    });
    return { jobId };
  }

  get(jobId: string): ExportJobStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('not_found', `No export job ${jobId}.`);
    return { ...job, results: [...job.results] };
  }

  /** Resolve when the job has finished (CLI, tests). */
  async wait(jobId: string): Promise<ExportJobStatus> {
    while (!this.get(jobId).finished) await new Promise((r) => setTimeout(r, 10));
    return this.get(jobId);
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.finished);
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(job.jobId);
  }
}
