namespace CustomerCare.PostgreSql.Tests.Infrastructure;

/// <summary>The schemas one test created; a suite disposes it from <see cref="IAsyncLifetime.DisposeAsync"/>, after the test.</summary>
internal sealed class SchemaScope
{
    private readonly List<TestDatabase> _created = [];

    public async Task<PostgreSqlDatabase> NewDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        lock (_created)
        {
            _created.Add(database);
        }

        return database.Database;
    }

    public async Task DisposeAsync()
    {
        TestDatabase[] created;
        lock (_created)
        {
            created = [.. _created];
            _created.Clear();
        }

        foreach (var database in created)
        {
            await database.DisposeAsync();
        }
    }
}
