using CustomerCare.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace CustomerCare.Hosting.Tests;

/// <summary>The registration snippet of docs/hosting.md, compiled; keep the two the same.</summary>
internal static class DocsSnippet
{
    public static void Configure(HostApplicationBuilder builder, string connectionString)
    {
        // docs/hosting.md: registration
        builder.Services.AddCustomerCare(o => o.DefaultTimeZone = "Europe/Istanbul")
            .UsePostgreSql(connectionString)
            .AddBirthdayCampaign()
            .AddNotifications(o => o.Brand = "Örnek Mağaza")
            .AddHostedJobs(o =>
            {
                o.Campaigns.Schedule = JobSchedule.DailyAt(new LocalTime(9, 0), "Europe/Istanbul");
                o.SlaEscalation.Schedule = JobSchedule.Every(Duration.FromMinutes(2));
                o.Segments.Enabled = false;
                o.LeaseDuration = Duration.FromMinutes(10);
            });
        builder.Services.AddHealthChecks().AddCustomerCareHealthChecks();
        // end of snippet
    }
}

public sealed class DocsSnippetTests
{
    [Fact]
    public void DocsSnippet_BuildsAHost_WithTheJobsItNames_AndIsTheOneInTheDocs()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        DocsSnippet.Configure(builder, "Host=127.0.0.1;Database=care;Username=care");
        using var host = builder.Build();

        var scheduler = host.Services.GetRequiredService<JobScheduler>();

        Assert.Equal([HostedJobNames.Campaigns, HostedJobNames.SlaEscalation, HostedJobNames.BrokenPromises, HostedJobNames.Outbox], scheduler.Jobs);
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "hosting.md")).ReplaceLineEndings("\n");
        Assert.Contains(SnippetLines(), docs, StringComparison.Ordinal);
    }

    private static string SnippetLines()
    {
        var source = File.ReadAllLines(Path.Combine(RepositoryRoot(), "tests", "CustomerCare.Hosting.Tests", "DocsSnippet.cs"));
        var start = Array.FindIndex(source, l => l.Contains("// docs/hosting.md: registration", StringComparison.Ordinal)) + 1;
        var end = Array.FindIndex(source, l => l.Contains("// end of snippet", StringComparison.Ordinal));
        return string.Join("\n", source[start..end].Select(l => l.Length >= 8 ? l[8..] : l.TrimStart()));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerCare.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CustomerCare.sln not found above " + AppContext.BaseDirectory);
    }
}
