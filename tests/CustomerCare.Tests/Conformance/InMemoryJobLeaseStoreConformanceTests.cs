using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using CustomerCare.Testing;

namespace CustomerCare.Tests.Conformance;

public sealed class InMemoryJobLeaseStoreConformanceTests : JobLeaseStoreConformanceTests
{
    protected override ValueTask<IJobLeaseStore> CreateJobLeaseStoreAsync() => ValueTask.FromResult<IJobLeaseStore>(new InMemoryJobLeaseStore());
}
