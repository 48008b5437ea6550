using System.Data;
using CustomerCare.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite.Tests.Infrastructure;

public sealed class KeptConnectionTests
{
    [Fact]
    public async Task Command_UsedAgainInALaterWrite_IsTheSameCompiledCommand()
    {
        using var file = new TempDatabase();
        var first = await file.Database.WriteAsync(write => Run(write, "SELECT 1;"), CancellationToken.None);
        var second = await file.Database.WriteAsync(write => Run(write, "SELECT 1;"), CancellationToken.None);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task Command_WhileItsCachedTwinIsStillInUse_IsAnotherCommand()
    {
        using var file = new TempDatabase();
        var (outer, inner) = await file.Database.WriteAsync(
            write =>
            {
                using var a = write.Command("SELECT 2;");
                using var b = write.Command("SELECT 2;");
                return ValueTask.FromResult((a, b));
            },
            CancellationToken.None);

        Assert.NotSame(outer, inner);
    }

    [Fact]
    public async Task Command_UsedAgain_StartsWithoutThePreviousUsesParameters()
    {
        using var file = new TempDatabase();
        await file.Database.WriteAsync(write => Scalar(write, 7), CancellationToken.None);

        Assert.Equal(9L, await file.Database.WriteAsync(write => Scalar(write, 9), CancellationToken.None));
    }

    [Fact]
    public async Task Command_WhoseTextItsUserChanged_IsNotHandedOutAgain()
    {
        using var file = new TempDatabase();
        await file.Database.WriteAsync(
            async write =>
            {
                using var command = write.Command("SELECT 3;");
                command.CommandText = "SELECT 4;";
                return await command.ExecuteScalarAsync(write.CancellationToken);
            },
            CancellationToken.None);

        var answer = await file.Database.WriteAsync(
            async write =>
            {
                using var command = write.Command("SELECT 3;");
                return await command.ExecuteScalarAsync(write.CancellationToken);
            },
            CancellationToken.None);

        Assert.Equal(3L, answer);
    }

    [Fact]
    public async Task Write_AfterAWriteThatFailed_RunsOnAFreshConnectionAndKeepsNothingOfTheFailure()
    {
        using var file = new TempDatabase();
        await file.Database.WriteAsync(write => Execute(write, "CREATE TABLE notes (text TEXT NOT NULL);"), CancellationToken.None);
        var before = await file.Database.WriteAsync(write => ValueTask.FromResult(write.Connection), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () => await file.Database.WriteAsync<int>(
            async write =>
            {
                await Execute(write, "INSERT INTO notes (text) VALUES ('yarım kalan');");
                throw new InvalidOperationException("the work failed after its first row");
            },
            CancellationToken.None));

        var after = await file.Database.WriteAsync(write => ValueTask.FromResult(write.Connection), CancellationToken.None);
        var rows = await file.Database.WriteAsync(
            async write =>
            {
                using var count = write.Command("SELECT COUNT(*) FROM notes;");
                return await count.ExecuteScalarAsync(write.CancellationToken);
            },
            CancellationToken.None);

        Assert.Equal("the work failed after its first row", failure.Message);
        Assert.NotSame(before, after);
        Assert.Equal(0L, rows);
    }

    [Fact]
    public async Task Read_UsingAStatementAgain_GetsItsCompiledCommandBack()
    {
        using var file = new TempDatabase();
        var first = await file.Database.ReadAsync(connection => Read(connection, "SELECT 5;"), CancellationToken.None);
        var second = await file.Database.ReadAsync(connection => Read(connection, "SELECT 5;"), CancellationToken.None);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task Read_AfterAReadThatFailed_RunsOnAnotherConnection()
    {
        using var file = new TempDatabase();
        var before = await file.Database.ReadAsync(connection => ValueTask.FromResult(connection), CancellationToken.None);
        await Assert.ThrowsAsync<SqliteException>(async () => await file.Database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command("SELECT * FROM no_such_table;");
                return await command.ExecuteScalarAsync();
            },
            CancellationToken.None));

        var after = await file.Database.ReadAsync(connection => ValueTask.FromResult(connection), CancellationToken.None);

        Assert.NotSame(before, after);
        Assert.Equal(ConnectionState.Closed, before.State);
    }

    private static ValueTask<SqliteCommand> Read(SqliteConnection connection, string sql)
    {
        using var command = connection.Command(sql);
        _ = command.ExecuteScalar();
        return ValueTask.FromResult(command);
    }

    private static ValueTask<SqliteCommand> Run(SqliteWrite write, string sql)
    {
        using var command = write.Command(sql);
        _ = command.ExecuteScalar();
        return ValueTask.FromResult(command);
    }

    private static async ValueTask<long> Scalar(SqliteWrite write, long value)
    {
        using var command = write.Command("SELECT $value;").With("$value", value);
        return (long)(await command.ExecuteScalarAsync(write.CancellationToken))!;
    }

    private static async ValueTask<int> Execute(SqliteWrite write, string sql)
    {
        using var command = write.Command(sql);
        return await command.ExecuteNonQueryAsync(write.CancellationToken);
    }
}
