using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using CustomerCare.Testing;

namespace CustomerCare.Tests.Conformance;

// The feedback suites of the kit run against the library's default stores.

public sealed class InMemorySurveyStoreConformanceTests : SurveyStoreConformanceTests
{
    protected override ValueTask<ISurveyStore> CreateSurveyStoreAsync() => ValueTask.FromResult<ISurveyStore>(new InMemorySurveyStore());
}

public sealed class InMemoryReviewStoreConformanceTests : ReviewStoreConformanceTests
{
    protected override ValueTask<IReviewStore> CreateReviewStoreAsync() => ValueTask.FromResult<IReviewStore>(new InMemoryReviewStore());
}
