using System.Globalization;

namespace CustomerCare.Tests.Support;

public sealed class EnvironmentTests
{
    [SkippableFact]
    public void TestRun_UnderTestSh_UsesTurkishCultureAndAZoneFarFromUtc()
    {
        Skip.If(Environment.GetEnvironmentVariable("CUSTOMERCARE_TEST_SH") != "1", "only meaningful under ./test.sh, which sets tr-TR and a far zone");

        Assert.Equal("tr-TR", CultureInfo.CurrentCulture.Name);
        Assert.True(Math.Abs(TimeZoneInfo.FindSystemTimeZoneById(Environment.GetEnvironmentVariable("TZ")!).BaseUtcOffset.TotalHours) >= 10);
    }
}
