#!/bin/sh
# Migrations run inside the service at start-up (TypeORM migrationsRun), before it accepts requests.
# Official templates: mount a folder with the Familienkasse PDFs at /templates-import to install them.
set -e
if [ -d /templates-import ]; then
  node dist/scripts/forms-install.js --from /templates-import --template-dir "${FORMS_TEMPLATE_DIR:-$DATA_DIR/templates}" || true
fi
exec node dist/src/main.js "$@"
