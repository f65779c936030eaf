import { sql, type Kysely } from 'kysely';

/**
 * The certificate of deletion (policy 11.3; GDPR Art. 28(3)(g)), one per customer whose contract ended:
 * the PDF as the customer received it (bytea) and its SHA-256, the language it is written in, what it
 * certifies (each store's method, completion, reference) and when it was issued and emailed. The bytes
 * stay here, never in a workflow history: the workflow knows the certificate by customer id and hash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('termination_certificates')
    .addColumn('customer_id', 'text', (col) => col.primaryKey().references('terminations.customer_id'))
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('filename', 'text', (col) => col.notNull())
    .addColumn('pdf', 'bytea', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('stores', 'jsonb', (col) => col.notNull())
    .addColumn('deleted_at', 'timestamptz', (col) => col.notNull())
    .addColumn('issued_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('emailed_at', 'timestamptz')
    .addColumn('email_outcome', 'text')
    .addCheckConstraint('termination_certificates_language', sql`language in ('nl', 'fr', 'en')`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('termination_certificates').execute();
}
