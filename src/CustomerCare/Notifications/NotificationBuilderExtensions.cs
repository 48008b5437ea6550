using CustomerCare.Campaigns;
using CustomerCare.Complaints;
using CustomerCare.Notifications;
using CustomerCare.Notifications.Events;
using CustomerCare.Orders;
using CustomerCare.Policy.Compensation;
using CustomerCare.Returns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerCare;

/// <summary>Registers the notifications that turn what happens into messages to customers.</summary>
public static class NotificationBuilderExtensions
{
    /// <summary>
    /// Sends customers messages through the outbox when something happens to them: a complaint received or praised, a
    /// broken promise recovered, a return decided, an order processing, shipped, delivered, returned or cancelled, and a
    /// coupon given by a campaign. Register the channels (<c>UseSmtp</c>, <c>UseFileChannels</c>, your own
    /// <c>IOutboundChannel</c>) too; a customer with no address on a registered channel gets no message.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the brand, links, channel preference and gates.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="FieldValidationException">The options are invalid; every problem is listed.</exception>
    public static ICustomerCareBuilder AddNotifications(this ICustomerCareBuilder builder, Action<NotificationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new NotificationOptions();
        configure?.Invoke(options);
        // Fail at registration, not at the first message.
        options.Validate();
        var services = builder.Services;
        services.RemoveAll<NotificationOptions>();
        services.AddSingleton(options);
        services.TryAddSingleton<NotificationComposer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IComplaintObserver, ComplaintNotifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceRecoveryObserver, RecoveryNotifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReturnObserver, ReturnNotifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommerceEventObserver, OrderStatusNotifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICampaignObserver, CampaignNotifier>());
        return builder;
    }
}
