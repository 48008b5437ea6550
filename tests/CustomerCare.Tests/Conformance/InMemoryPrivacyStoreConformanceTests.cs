using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using CustomerCare.Testing;

namespace CustomerCare.Tests.Conformance;

public sealed class InMemoryAuditLogConformanceTests : AuditLogConformanceTests
{
    protected override ValueTask<IAuditLog> CreateAuditLogAsync() => ValueTask.FromResult<IAuditLog>(new InMemoryAuditLog());
}

public sealed class InMemoryBreachRegisterConformanceTests : BreachRegisterConformanceTests
{
    protected override ValueTask<IBreachRegister> CreateBreachRegisterAsync() => ValueTask.FromResult<IBreachRegister>(new InMemoryBreachRegister());
}
