package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With WRITE_DELAY 0 (DurableCommits) H2 compacts nothing by itself; H2Housekeeping's rounds keep the
 * file near the size of its data, and the data is intact after a reopen. The same workload on two
 * files, one with rounds between its commits and one without; no clock involved (the retention time
 * is 0 in this test only, so that a rewritten chunk is free at once instead of 45 s later).
 */
class H2HousekeepingTest {

  @TempDir
  Path dir;

  @Test
  void roundsKeepADurableFileNearTheSizeOfItsData() throws Exception {
    long without = workload(dir.resolve("without/db"), false);
    long with = workload(dir.resolve("with/db"), true);
    System.out.printf("H2 file after the workload: %d kB without housekeeping, %d kB with%n", without / 1024, with / 1024);
    assertThat(with).isLessThan(without / 2);
  }

  @Test
  void theStoreOfAFileDatabaseIsFoundNotThatOfAnInMemoryOne() throws Exception {
    JdbcDataSource file = dataSource(dir.resolve("found/db"));
    try (Connection keepOpen = file.getConnection()) {
      assertThat(H2Housekeeping.fileStoreOf(file)).isNotNull();
    }
    JdbcDataSource memory = new JdbcDataSource();
    memory.setURL("jdbc:h2:mem:housekeeping-test");
    memory.setUser("sa");
    assertThat(H2Housekeeping.fileStoreOf(memory)).isNull();
  }

  /** Rows inserted, updated and deleted, one durable commit each few; returns the file's size at the end. */
  private long workload(Path path, boolean housekeeping) throws Exception {
    JdbcDataSource dataSource = dataSource(path);
    Random random = new Random(42);
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SET WRITE_DELAY 0");
      statement.execute("SET RETENTION_TIME 0");
      statement.execute("create table item(id int primary key, payload varchar(2000))");
      MVStore store = H2Housekeeping.fileStoreOf(dataSource);
      assertThat(store).isNotNull();
      try (PreparedStatement insert = connection.prepareStatement("insert into item values (?, ?)");
          PreparedStatement update = connection.prepareStatement("update item set payload = ? where id = ?");
          PreparedStatement delete = connection.prepareStatement("delete from item where id = ?")) {
        for (int i = 0; i < 3_000; i++) {
          insert.setInt(1, i);
          insert.setString(2, text(random));
          insert.executeUpdate();
        }
        for (int commit = 0; commit < 4_000; commit++) {
          update.setString(1, text(random));
          update.setInt(2, random.nextInt(3_000));
          update.executeUpdate();
          if (commit % 2 == 0) {
            delete.setInt(1, 3_000 + commit - 100);
            delete.executeUpdate();
            insert.setInt(1, 3_000 + commit);
            insert.setString(2, text(random));
            insert.executeUpdate();
          }
          if (housekeeping && commit % 20 == 0) {
            H2Housekeeping.round(store);
          }
        }
      }
      try (ResultSet rs = statement.executeQuery("select count(*) from item")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(3_000);
      }
    }
    long size = Files.size(Path.of(path + ".mv.db"));
    // reopened after a close without compaction: every row is there
    try (Connection connection = dataSource(path).getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select count(*), sum(length(payload)) from item")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(3_000);
    }
    return size;
  }

  private static JdbcDataSource dataSource(Path path) {
    JdbcDataSource dataSource = new JdbcDataSource();
    // MAX_COMPACT_TIME=0: no compaction at close, so that the sizes compared are the running file's
    dataSource.setURL("jdbc:h2:file:" + path.toAbsolutePath() + ";MAX_COMPACT_TIME=0");
    dataSource.setUser("sa");
    return dataSource;
  }

  private static String text(Random random) {
    return "x".repeat(200 + random.nextInt(800));
  }
}
