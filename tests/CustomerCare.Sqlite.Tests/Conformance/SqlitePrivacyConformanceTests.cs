using CustomerCare.Storage;
using CustomerCare.Testing;

namespace CustomerCare.Sqlite.Tests.Conformance;

public sealed class SqliteAuditLogConformanceTests : AuditLogConformanceTests, IDisposable
{
    private readonly TempDatabases _databases = new();

    protected override ValueTask<IAuditLog> CreateAuditLogAsync() => ValueTask.FromResult<IAuditLog>(new SqliteAuditLog(_databases.Create()));

    public void Dispose() => _databases.Dispose();
}

public sealed class SqliteBreachRegisterConformanceTests : BreachRegisterConformanceTests, IDisposable
{
    private readonly TempDatabases _databases = new();

    protected override ValueTask<IBreachRegister> CreateBreachRegisterAsync() => ValueTask.FromResult<IBreachRegister>(new SqliteBreachRegister(_databases.Create()));

    public void Dispose() => _databases.Dispose();
}
