#!/usr/bin/env bash
# PostgreSQL bootstrap for the gov-office platform.
#
# Run once by the postgres:15 image on an empty data directory: docker-compose.yml mounts this file
# into /docker-entrypoint-initdb.d/. For each section service it creates
#   - a login role named like the database, with the password from <DATABASE>_DB_PASSWORD
#     (DOCUMENTS_DB_PASSWORD, LEGAL_REVIEW_DB_PASSWORD, FOREIGN_AFFAIRS_DB_PASSWORD, ...),
#   - the database, owned by that role (so the role can run its own Prisma migrations; in PostgreSQL 15
#     the public schema belongs to the database owner), UTF8 with LC_CTYPE/LC_COLLATE C.UTF-8 whatever
#     the cluster's locale: pg_trgm only makes trigrams of characters the ctype calls alphanumeric, and
#     under a plain C ctype every Chinese character is skipped (similarity('防汛工作', '防汛') = 0).
#     C.UTF-8 collation sorts by code point; use an ICU collation (COLLATE "zh-x-icu") per column or
#     query where pinyin order matters,
#   - CONNECT revoked from PUBLIC: a service's role cannot even connect to another section's database,
#   - the pg_trgm extension (trigram indexes for Chinese text search).
# The superuser (POSTGRES_USER) keeps access to everything; `npm run db:migrate` uses it only through
# DATABASE_ADMIN_URL to create a database that is missing.
#
# Works both when executed and when sourced by the image's entrypoint (non-executable file): the body
# runs in a subshell so its shell options never leak into the entrypoint.
(
  set -Eeo pipefail

  GOV_DATABASES="documents meetings supervision legal_review petitions secrecy archives foreign_affairs"

  admin_user="${POSTGRES_USER:-postgres}"
  admin_db="${POSTGRES_DB:-$admin_user}"

  for db in $GOV_DATABASES; do
    password_var="$(printf '%s' "$db" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
    password="${!password_var:-}"
    if [ -z "$password" ]; then
      echo "infra/postgres/init.sh: ${password_var} is not set; refusing to create role ${db} without a password" >&2
      exit 1
    fi

    echo "infra/postgres/init.sh: creating role and database ${db}"
    psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$admin_user" --dbname "$admin_db" \
      --set=db="$db" --set=pw="$password" <<'SQL'
CREATE ROLE :"db" LOGIN PASSWORD :'pw';
CREATE DATABASE :"db" OWNER :"db" ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"db";
SQL

    psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$admin_user" --dbname "$db" <<'SQL'
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SQL
  done
)
