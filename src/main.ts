import { createApp } from './app';
import { loadSettings } from './config/environment';

export async function serve(): Promise<void> {
  const settings = loadSettings();
  const app = await createApp(settings.databasePath);
  await app.listen(settings.port);
  console.log(
    `DSI simulator on http://localhost:${settings.port} (database ${settings.databasePath})`,
  );
}

if (require.main === module) {
  serve().catch((error: Error) => {
    console.error(`error: ${error.message}`);
    process.exit(2);
  });
}
