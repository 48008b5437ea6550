using CustomerCare.Complaints;
using CustomerCare.Complaints.Intake;
using CustomerCare.Privacy.Audit;
using CustomerCare.Privacy.Redaction;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CustomerCare.Tests.Privacy.Audit;

public sealed class AuditTrailTests
{
    private static readonly Instant Now = Instant.FromUtc(2027, 6, 1, 10, 0);

    [Fact]
    public async Task Record_StampsTheClock_AndMasksPersonalDataInTheDetails()
    {
        var log = new InMemoryAuditLog();
        var trail = new AuditTrail(log, new FakeClock(Now), PersonalDataRedactor.Default);

        var entry = await trail.RecordAsync("dpo", AuditActionKind.Export, "customer:c-1", "sent to ayse@example.com");

        Assert.Equal((Now, "sent to [EMAIL]", 1L), (entry.At, entry.Details, entry.Sequence));
    }

    [Fact]
    public async Task Verify_ALogLongerThanOnePage_IsValid()
    {
        var log = new InMemoryAuditLog();
        var trail = new AuditTrail(log, new FakeClock(Now, Duration.FromSeconds(1)), PersonalDataRedactor.Default);
        for (var i = 0; i < 1200; i++)
        {
            await trail.RecordAsync("system", AuditActionKind.ComplaintStaffAction, "complaint:C-" + i, "assigned");
        }

        var result = await trail.VerifyAsync();

        Assert.Equal((true, 1200L, 1201L), (result.IsValid, result.EntriesChecked, result.NextSequence));
    }

    [Fact]
    public async Task ComplaintService_StaffActions_AreAudited_WithoutTheirNotes()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(Now));
        services.AddCustomerCare();
        await using var provider = services.BuildServiceProvider();
        var complaint = (await provider.GetRequiredService<ComplaintIntake>().ReceiveAsync(new ComplaintSubmission
        {
            Channel = ComplaintChannel.Email,
            SourceReference = "e-1",
            Text = "Siparişim gelmedi, yardım eder misiniz?",
        })).Complaint;
        var complaints = provider.GetRequiredService<ComplaintService>();

        await complaints.AssignAsync(complaint.Id, "elif", "lead-1");
        await complaints.RecordReplyAsync(complaint.Id, "elif");
        await complaints.CorrectCategoryAsync(complaint.Id, ComplaintCategory.Damaged, "elif", "müşteri 0532 123 45 67 numarasından aradı");
        await complaints.MoveAsync(complaint.Id, ComplaintStatus.Resolved, "elif", "Ayşe Hanım memnun");
        var entries = await provider.GetRequiredService<IAuditLog>().ReadAsync(1, 100);

        Assert.All(entries, e => Assert.Equal((AuditActionKind.ComplaintStaffAction, "complaint:" + complaint.Id), (e.Kind, e.Subject)));
        Assert.Equal(["lead-1", "elif", "elif", "elif"], entries.Select(e => e.Actor));
        Assert.Equal("assigned (nobody) -> elif", entries[0].Details);
        Assert.Equal("replied to the customer", entries[1].Details);
        Assert.StartsWith("category ", entries[2].Details, StringComparison.Ordinal);
        Assert.EndsWith("-> Damaged", entries[2].Details, StringComparison.Ordinal);
        Assert.Equal("status InProgress -> Resolved", entries[3].Details);
        Assert.DoesNotContain(entries, e => e.Details.Contains("0532", StringComparison.Ordinal) || e.Details.Contains("Ayşe", StringComparison.Ordinal));
        Assert.True((await provider.GetRequiredService<AuditTrail>().VerifyAsync()).IsValid);
    }
}
