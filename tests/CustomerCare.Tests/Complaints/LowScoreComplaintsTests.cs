using CustomerCare.Complaints;
using CustomerCare.Customers;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Orders;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Complaints;

public sealed class LowScoreComplaintsTests : IAsyncDisposable
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2027, 6, 1, 9, 0));
    private readonly ServiceProvider _provider;
    private readonly CommerceEvents _events = new("srv");

    public LowScoreComplaintsTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddCustomerCare().AddSurveys(o => o.Kind = SurveyKind.Csat);
        _provider = services.BuildServiceProvider();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 0)]
    [InlineData(5, 0)]
    public async Task ALowScore_OpensOneComplaintOnTheSurveyChannel_EvenWhenAnsweredTwice(int score, int complaints)
    {
        var invitation = await SurveyAfterDeliveryAsync();
        var surveys = _provider.GetRequiredService<SurveyService>();

        await surveys.RecordAnswerAsync(invitation.SurveyId, score, "Ürün geç geldi ve kutu ezikti, hiç memnun değilim.", _clock.GetCurrentInstant());
        await surveys.RecordAnswerAsync(invitation.SurveyId, score, "Ürün geç geldi ve kutu ezikti, hiç memnun değilim.", _clock.GetCurrentInstant());

        var stored = await _provider.GetRequiredService<IComplaintStore>().ListAsync(new Specification<Complaint>());
        Assert.Equal(complaints, stored.Count);
        if (complaints == 1)
        {
            var complaint = stored[0];
            Assert.Equal((ComplaintChannel.Survey, "survey:" + invitation.SurveyId, MatchReason.CustomerId, OrderId.From("S-1")), (complaint.Channel, complaint.SourceReference, complaint.Match.Reason, complaint.OrderId));
            Assert.False(complaint.IsPublic);
        }
    }

    private async Task<SurveyInvitation> SurveyAfterDeliveryAsync()
    {
        var processor = _provider.GetRequiredService<CustomerEventProcessor>();
        var customer = new CustomerBuilder().WithId("c-1").With(c => c with { Consents = Support.TestConsents.Surveys(true) }).Build();
        await processor.ApplyAsync(_events.Registered(customer));
        await processor.ApplyAsync(_events.Placed(customer.Id, OrderId.From("S-1"), new Money(100m, Currency.TRY), _clock.GetCurrentInstant()));
        await processor.ApplyAsync(_events.Delivered(customer.Id, OrderId.From("S-1"), _clock.GetCurrentInstant()));
        _clock.AdvanceDays(3);
        var sent = await _provider.GetRequiredService<SurveyService>().SendDueAsync(_clock.GetCurrentInstant());
        return Assert.Single(sent.Invitations);
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
