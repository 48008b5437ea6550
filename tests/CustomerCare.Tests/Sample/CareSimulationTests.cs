using CustomerCare.Complaints;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Sample;

public sealed class CareSimulationTests
{
    private static readonly string[] Small = ["simulate", "--json", "--customers", "200", "--days", "45", "--seed", "11"];

    [Fact]
    public async Task Simulate_SendsComplaintsOnEveryChannel_ThroughTheLibrary_AndTheSameSeedGivesTheSameCare()
    {
        await using var first = new SampleRunner();
        var run = await first.RunAsync(Small);
        var again = await SampleRunner.RunOnceAsync(Small);
        var complaints = await first.Host.Services.GetRequiredService<IComplaintStore>().ListAsync(new Specification<Complaint>());

        Assert.Equal(0, run.ExitCode);
        var care = run.Json().GetProperty("report").GetProperty("care");
        Assert.Equal(care.ToString(), again.Json().GetProperty("report").GetProperty("care").ToString());
        Assert.Equal(complaints.Count, care.GetProperty("complaints").GetInt32());
        Assert.Superset(
            new HashSet<ComplaintChannel> { ComplaintChannel.Email, ComplaintChannel.Phone, ComplaintChannel.LiveChat, ComplaintChannel.Twitter, ComplaintChannel.ComplaintSite },
            complaints.Select(c => c.Channel).ToHashSet());
        Assert.Contains(complaints, c => c.Flags.Any(f => f.Reason == SuspicionReason.AuthorBurst));
        Assert.All(complaints, c => Assert.Equal(ComplaintAction.Received, c.History[0].Action));
    }
}
