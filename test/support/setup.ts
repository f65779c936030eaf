import { DefaultLogger, Runtime } from '@temporalio/worker';

// Worker state changes and bundling progress would drown the test output; warnings still show.
Runtime.install({ logger: new DefaultLogger('WARN') });
