export { createTestApp, REPO_ROOT, type TestApp, type TestAppOptions, type SeedAccount } from './create-test-app.js';
export { registerAppFactory, type AppModuleFactory } from './app-factory.registry.js';
export { connectSocket, nextEvent, type SocketOptions } from './socket-client.js';
export { createTestDatabase, type TestDatabase } from './test-database.js';
export { strictFake } from './strict-fake.js';
export { newTestService, strictFakeOf, type StrictFake, type TestService } from './new-test-service.js';
export { eventually, redisReachable, TEST_REDIS_URL } from './wait.js';
export { freePort } from './free-port.js';
export {
  startOpenAiServer,
  type OpenAiTestServer,
  type ChatBehaviour,
  type RecordedChatRequest,
} from './openai-test-server.js';
export { startS3Server, type S3TestServer } from './s3-test-server.js';
