using CustomerCare.Complaints;
using CustomerCare.Complaints.Lifecycle;
using NodaTime;

namespace CustomerCare.Tests.Complaints;

public sealed class ComplaintLifecycleTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 1, 10, 8, 0);

    // Written out by hand from the issue, not derived from the code under test.
    private static readonly HashSet<(ComplaintStatus, ComplaintStatus)> Valid =
    [
        (ComplaintStatus.New, ComplaintStatus.Acknowledged),
        (ComplaintStatus.New, ComplaintStatus.InProgress),
        (ComplaintStatus.New, ComplaintStatus.WaitingForCustomer),
        (ComplaintStatus.New, ComplaintStatus.Resolved),
        (ComplaintStatus.Acknowledged, ComplaintStatus.InProgress),
        (ComplaintStatus.Acknowledged, ComplaintStatus.WaitingForCustomer),
        (ComplaintStatus.Acknowledged, ComplaintStatus.Resolved),
        (ComplaintStatus.InProgress, ComplaintStatus.WaitingForCustomer),
        (ComplaintStatus.InProgress, ComplaintStatus.Resolved),
        (ComplaintStatus.WaitingForCustomer, ComplaintStatus.InProgress),
        (ComplaintStatus.WaitingForCustomer, ComplaintStatus.Resolved),
        (ComplaintStatus.Resolved, ComplaintStatus.Closed),
        (ComplaintStatus.Resolved, ComplaintStatus.Reopened),
        (ComplaintStatus.Closed, ComplaintStatus.Reopened),
        (ComplaintStatus.Reopened, ComplaintStatus.InProgress),
        (ComplaintStatus.Reopened, ComplaintStatus.WaitingForCustomer),
        (ComplaintStatus.Reopened, ComplaintStatus.Resolved),
    ];

    public static TheoryData<ComplaintStatus, ComplaintStatus> EveryPair()
    {
        var data = new TheoryData<ComplaintStatus, ComplaintStatus>();
        foreach (var from in Enum.GetValues<ComplaintStatus>())
        {
            foreach (var to in Enum.GetValues<ComplaintStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Move_IsAllowedExactlyForTheLifecycleEdges(ComplaintStatus from, ComplaintStatus to)
    {
        var complaint = Sample() with { Status = from };

        if (Valid.Contains((from, to)))
        {
            var moved = ComplaintService.Move(complaint, to, "staff-1", At, "note");

            Assert.Equal(to, moved.Status);
            var entry = Assert.Single(moved.History);
            Assert.Equal((ComplaintAction.StatusChanged, from.ToString(), to.ToString(), "staff-1", "note"), (entry.Action, entry.From, entry.To, entry.Actor, entry.Note));
            Assert.Equal(to == ComplaintStatus.Resolved ? At : null, moved.ResolvedAt);
        }
        else
        {
            var refused = Assert.Throws<InvalidComplaintTransitionException>(() => ComplaintService.Move(complaint, to, "staff-1", At));

            Assert.Equal((from, to, complaint.Id), (refused.From, refused.To, refused.ComplaintId));
            Assert.Contains($"cannot move from {from} to {to}", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void IsOpen_IsFalseOnlyWhenResolvedOrClosed()
    {
        Assert.Equal(
            [ComplaintStatus.Resolved, ComplaintStatus.Closed],
            Enum.GetValues<ComplaintStatus>().Where(s => !ComplaintLifecycle.IsOpen(s)));
    }

    internal static Complaint Sample() => new()
    {
        Id = ComplaintId.From("CMP-TEST"),
        Channel = ComplaintChannel.Email,
        SourceReference = "msg-1",
        Text = "Siparişim gelmedi.",
        ReceivedAt = At,
    };
}
