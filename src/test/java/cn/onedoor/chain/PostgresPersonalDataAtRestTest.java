package cn.onedoor.chain;

import cn.onedoor.support.PostgresTestDatabase;
import org.springframework.context.annotation.Import;

/**
 * The same whole case and the same scan of every table on PostgreSQL, as production keeps them: its
 * text, varchar and bytea columns (the engine's serialized variables and byte arrays), its own
 * information_schema, and the server's log among the output searched.
 */
@Import(PostgresTestDatabase.class)
class PostgresPersonalDataAtRestTest extends PersonalDataAtRestTest {}
