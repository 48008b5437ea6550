using CustomerCare.Feedback;
using CustomerCare.PostgreSql.Tests.Infrastructure;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NodaTime;

namespace CustomerCare.PostgreSql.Tests.Conformance;

/// <summary>
/// The erasure suite over the PostgreSQL stores, on a schema of its own. The search reads every row of every table of
/// the schema as text (<c>t::text</c>, which spells out jsonb documents), case-insensitively.
/// </summary>
public sealed class PostgreSqlPersonalDataErasureConformanceTests : PersonalDataErasureConformanceTests, IAsyncLifetime
{
    private readonly string _schema = TestDatabase.NewSchemaName();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TestDatabase.DropSchemaAsync(_schema);

    protected override ValueTask<IServiceProvider> CreateServicesAsync(IClock clock)
    {
        var services = new ServiceCollection().AddSingleton(clock);
        services.AddCustomerCare().AddSurveys().AddReviewHealth().UsePostgreSql(o =>
        {
            o.ConnectionString = TestDatabase.RequiredConnectionString;
            o.Schema = _schema;
        });
        return ValueTask.FromResult<IServiceProvider>(services.BuildServiceProvider());
    }

    protected override async ValueTask<IReadOnlyList<string>> SearchAllAsync(IServiceProvider services, string needle)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.RequiredConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'", connection))
        {
            list.Parameters.Add(new NpgsqlParameter { Value = _schema });
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(tables);
        var found = new List<string>();
        foreach (var table in tables)
        {
            // position() rather than ILIKE: the JSON-escaped needle holds backslashes, which LIKE would read as escapes.
            await using var search = new NpgsqlCommand($"SELECT count(*) FROM \"{_schema}\".\"{table}\" t WHERE position(lower($1) in lower(t::text)) > 0", connection);
            search.Parameters.Add(new NpgsqlParameter { Value = needle });
            if ((long)(await search.ExecuteScalarAsync())! > 0)
            {
                found.Add(table);
            }
        }

        return found;
    }
}
