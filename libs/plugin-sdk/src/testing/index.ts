export {
  createFakeHost,
  type FakeHost,
  type FakeHostOptions,
  type FakeHostStatus,
  type FakeHttpRequest,
  type FakeHttpResponder,
} from './fake-host.js';
export {
  runChannelAdapterContract,
  channelAdapterContractChecks,
  type ChannelContractFixture,
  type ChannelContractFactory,
  type ContractCheck,
} from './channel-contract.js';
export {
  runFeaturePluginContract,
  featurePluginContractChecks,
  type FeatureContractFixture,
  type FeatureContractFactory,
} from './feature-contract.js';
