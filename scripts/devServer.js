// Where the add-in is served in development: manifest.xml's URLs must agree (test/manifest.test.ts checks).
module.exports = { host: 'localhost', port: 3000, protocol: 'https' };
