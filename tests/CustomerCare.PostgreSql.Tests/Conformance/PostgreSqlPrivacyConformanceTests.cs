using CustomerCare.PostgreSql.Tests.Infrastructure;
using CustomerCare.Storage;
using CustomerCare.Testing;

namespace CustomerCare.PostgreSql.Tests.Conformance;

public sealed class PostgreSqlAuditLogConformanceTests : AuditLogConformanceTests, IAsyncLifetime
{
    private readonly SchemaScope _scope = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync();

    protected override async ValueTask<IAuditLog> CreateAuditLogAsync() => new PostgreSqlAuditLog(await _scope.NewDatabaseAsync());
}

public sealed class PostgreSqlBreachRegisterConformanceTests : BreachRegisterConformanceTests, IAsyncLifetime
{
    private readonly SchemaScope _scope = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync();

    protected override async ValueTask<IBreachRegister> CreateBreachRegisterAsync() => new PostgreSqlBreachRegister(await _scope.NewDatabaseAsync());
}
