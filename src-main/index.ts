// Electron bootstrap only (stub; the secure shell is built in src-main/shell).
import { app } from 'electron';

void app.whenReady();
