import { main } from './cliMain';

void main(process.argv.slice(2));
