import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DataCipher } from './data-cipher.service';
import { resolveDataKeys } from './data-keys.util';

@Global()
@Module({
  providers: [
    {
      provide: DataCipher,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const { keys, activeKeyId } = resolveDataKeys({
          keys: config.DATA_ENCRYPTION_KEYS,
          activeKeyId: config.DATA_ENCRYPTION_KEY_ID,
          dataDir: config.DATA_DIR,
          production: config.NODE_ENV === 'production',
        });
        return new DataCipher(keys, activeKeyId);
      },
    },
  ],
  exports: [DataCipher],
})
export class PrivacyModule {}
