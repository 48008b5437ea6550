using CustomerCare.Customers;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Notifications;
using CustomerCare.Orders;
using CustomerCare.Sample;
using CustomerCare.Sample.Serve;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerCare.Tests.Sample;

/// <summary>The sender that lets <c>serve</c> run the survey job: an invitation becomes one e-mail in the outbox, in the customer's language.</summary>
public sealed class SurveyInvitationNotifierTests
{
    [Fact]
    public async Task SendAsync_QueuesOneInvitationWithTheSurveyLink_AndARedeliveryQueuesNothingMore()
    {
        await using var host = SampleHost.Create();
        var services = host.Services;
        var now = host.Clock.GetCurrentInstant();
        var customer = new Customer(CustomerId.From("c-survey-1"), new PersonName("Elif", "Şahin"), now, Currency.TRY) { Email = EmailAddress.Parse("elif.sahin@example.com.tr") };
        Assert.Equal(EventApplyOutcome.Applied, (await services.GetRequiredService<CustomerEventProcessor>().ApplyAsync(new CustomerRegistered(EventId.From("s-1"), customer))).Outcome);
        var sender = new SurveyInvitationNotifier(services.GetRequiredService<NotificationComposer>(), services.GetRequiredService<ICustomerStore>());
        var invitation = new SurveyInvitation(SurveyId.New(), customer.Id, OrderId.From("S-2001"), SurveyKind.Csat, now + Duration.FromDays(7));

        await sender.SendAsync(invitation);
        await sender.SendAsync(invitation);

        var queued = (await services.GetRequiredService<IOutboxStore>().ListForCustomerAsync(customer.Id, now - Duration.FromDays(1)))
            .Where(m => m.Id.StartsWith($"survey/{invitation.SurveyId}/", StringComparison.Ordinal)).ToList();
        var message = Assert.Single(queued);
        Assert.Equal(("email", "elif.sahin@example.com.tr", MessageKind.Transactional), (message.Channel, message.Recipient, message.Kind));
        Assert.Contains(SurveyInvitationNotifier.SurveyUrl + invitation.SurveyId, message.Body, StringComparison.Ordinal);
        Assert.Contains("S-2001", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ForACustomerTheStoreDoesNotHold_QueuesNothing()
    {
        await using var host = SampleHost.Create();
        var services = host.Services;
        var sender = new SurveyInvitationNotifier(services.GetRequiredService<NotificationComposer>(), services.GetRequiredService<ICustomerStore>());
        var now = host.Clock.GetCurrentInstant();

        await sender.SendAsync(new SurveyInvitation(SurveyId.New(), CustomerId.From("c-gone"), OrderId.From("S-1"), SurveyKind.Nps, now + Duration.FromDays(7)));

        Assert.Empty(await services.GetRequiredService<IOutboxStore>().ListForCustomerAsync(CustomerId.From("c-gone"), now - Duration.FromDays(1)));
    }
}
