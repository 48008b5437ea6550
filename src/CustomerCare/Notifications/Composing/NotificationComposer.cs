using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using CustomerCare.Channels;
using CustomerCare.Customers;
using CustomerCare.Policy;
using CustomerCare.Storage;
using CustomerCare.Templates;
using Microsoft.Extensions.Options;

namespace CustomerCare.Notifications;

/// <summary>
/// Turns a notice into an outbox message for one customer: picks the channel by the customer's addresses and the
/// registered channels, the template by the customer's locale and the policy's tone, renders it, and queues it through
/// <see cref="NotificationService"/> (which records the gate's decision) under an idempotency key made from the
/// notice's key and the channel.
/// </summary>
/// <remarks>
/// A notice already in the outbox is not rendered again. A broken template or a channel rule it breaks is a
/// <see cref="TemplateException"/> from here: the caller's event is then processed again on redelivery. Thread-safe.
/// </remarks>
public sealed class NotificationComposer
{
    /// <summary>The longest outbox id; longer keys are replaced by their hash.</summary>
    public const int MaxMessageIdLength = 200;

    private readonly TemplateRenderer _renderer;
    private readonly NotificationService _notifications;
    private readonly IOutboxStore _outbox;
    private readonly NotificationOptions _options;
    private readonly ToneOfVoice _tone;
    private readonly HashSet<string> _channels;

    /// <summary>Creates the composer.</summary>
    /// <param name="renderer">Renders templates.</param>
    /// <param name="notifications">Gates and queues messages.</param>
    /// <param name="outbox">The outbox, to skip notices already queued.</param>
    /// <param name="channels">The registered outbound channels; a message goes only to one of these.</param>
    /// <param name="options">The brand, links and channel preference.</param>
    /// <param name="careOptions">The library options, for the policy's tone.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="FieldValidationException">The options are invalid; every problem is listed.</exception>
    public NotificationComposer(
        TemplateRenderer renderer,
        NotificationService notifications,
        IOutboxStore outbox,
        IEnumerable<IOutboundChannel> channels,
        NotificationOptions options,
        IOptions<CustomerCareOptions> careOptions)
    {
        _renderer = renderer ?? throw new ArgumentNullException(nameof(renderer));
        _notifications = notifications ?? throw new ArgumentNullException(nameof(notifications));
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        ArgumentNullException.ThrowIfNull(channels);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentNullException.ThrowIfNull(careOptions);
        _options.Validate();
        _tone = careOptions.Value.Policy.Tone;
        _channels = channels.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Sends a notice to a customer, through the outbox.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="notice">What to send.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>What became of it.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="TemplateException">The template failed to render, or broke its channel's rules.</exception>
    /// <exception cref="FieldValidationException">The notice's model has a bad value name.</exception>
    public async ValueTask<NoticeResult> SendAsync(Customer customer, Notice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(notice);
        if (Choose(customer) is not var (channel, recipient))
        {
            return new NoticeResult(NoticeOutcome.NoChannel, null, null, NoChannelReason(customer));
        }

        var channelName = OutboundChannelNames.For(channel);
        var id = MessageId(notice.Key, channelName);
        if (await _outbox.FindAsync(id, cancellationToken).ConfigureAwait(false) is not null)
        {
            return new NoticeResult(NoticeOutcome.AlreadyQueued, id, channelName, "already in the outbox");
        }

        var model = new TemplateModelBuilder(customer.TimeZone)
            .Text("customer_name", customer.Name.FullName)
            .Text("brand", _options.Brand)
            .Text("support_url", _options.SupportUrl)
            .Text("shop_url", _options.ShopUrl);
        notice.Fill(model);
        var rendered = _renderer.Render(new TemplateKey(notice.Template, customer.Locale, _tone, channel), model.Build(), cancellationToken);
        var request = rendered.Html is { } html
            ? new NotificationRequest(id, notice.Kind, channelName, recipient, html)
            {
                ContentType = "text/html",
                Metadata = ImmutableDictionary<string, string>.Empty.Add(OutboundMessage.TextAlternativeKey, rendered.Text),
            }
            : new NotificationRequest(id, notice.Kind, channelName, recipient, rendered.Text);
        var (decision, queued) = await _notifications.EnqueueAsync(
            request with { Subject = rendered.Subject, CustomerId = customer.Id, Priority = notice.Priority, Purpose = notice.Purpose }, cancellationToken).ConfigureAwait(false);
        var outcome = decision.Outcome == GateOutcome.Refused ? NoticeOutcome.Refused : queued ? NoticeOutcome.Queued : NoticeOutcome.AlreadyQueued;
        return new NoticeResult(outcome, id, channelName, decision.Reason);
    }

    /// <summary>The outbox id of a notice on a channel: the key and the channel, or a hash of them when that is too long.</summary>
    /// <param name="key">The notice's key.</param>
    /// <param name="channel">The channel name.</param>
    /// <returns>The id, at most <see cref="MaxMessageIdLength"/> characters.</returns>
    public static string MessageId(string key, string channel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        var id = key + "/" + channel;
        if (id.Length <= MaxMessageIdLength)
        {
            return id;
        }

        // Customer and order ids may be long; a hash keeps the id unique and stable, with a readable prefix.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
        var prefix = Math.Max(0, MaxMessageIdLength - hash.Length - channel.Length - 2);
        return key[..Math.Min(prefix, key.Length)] + "~" + hash + "/" + channel;
    }

    private (MessageChannel Channel, string Recipient)? Choose(Customer customer)
    {
        foreach (var channel in _options.ChannelPreference)
        {
            var address = channel switch
            {
                MessageChannel.Email => customer.Email?.Value,
                MessageChannel.Sms => customer.Phone?.Value,
                // A push channel finds the customer's devices itself; it is addressed by customer.
                MessageChannel.Push => customer.Id.Value,
                _ => null,
            };
            if (address is not null && _channels.Contains(OutboundChannelNames.For(channel)))
            {
                return (channel, address);
            }
        }

        return null;
    }

    private string NoChannelReason(Customer customer) =>
        $"no channel: preferred {string.Join(", ", _options.ChannelPreference.Select(OutboundChannelNames.For))}; " +
        $"registered {(_channels.Count == 0 ? "none" : string.Join(", ", _channels.Order(StringComparer.Ordinal)))}; " +
        $"the customer has {(customer.Email is null ? "no e-mail" : "an e-mail")} and {(customer.Phone is null ? "no phone" : "a phone")}";
}
