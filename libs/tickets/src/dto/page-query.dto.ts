// The core's paging query (limit + id cursor), re-exported so ticket DTOs keep one import path.
export { PageQueryDto } from '@switchboard/core';
