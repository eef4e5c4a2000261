export { startMongoDbDouble } from './start-mongodb-double';
export type { MongoDbDouble, MongoDbDoubleOptions } from './start-mongodb-double';
