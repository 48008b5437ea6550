using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite.Tests.Infrastructure;

/// <summary><see cref="SqliteStoreOptions.MemoryMapSize"/> reaches every connection, and a size SQLite cannot take is refused by name.</summary>
public sealed class MemoryMapTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(64L * 1024 * 1024)]
    public async Task Connections_MapAsManyBytesAsAsked(long size)
    {
        using var file = new TempDatabase(o => o.MemoryMapSize = size);

        var mapped = await file.Database.ReadAsync(
            connection =>
            {
                using var command = new SqliteCommand("PRAGMA mmap_size;", connection);
                return ValueTask.FromResult((long)command.ExecuteScalar()!);
            },
            CancellationToken.None);

        Assert.Equal(size, mapped);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(SqliteStoreOptions.MaxMemoryMapSize + 1)]
    public void Size_OutOfRange_IsRefusedNamingTheOptionAndTheValue(long size)
    {
        var error = Assert.Throws<ArgumentException>(() => new TempDatabase(o => o.MemoryMapSize = size));

        Assert.Contains($"SqliteStoreOptions.MemoryMapSize {size} is out of range", error.Message, StringComparison.Ordinal);
    }
}
