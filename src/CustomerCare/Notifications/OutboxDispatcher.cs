using CustomerCare.Channels;
using CustomerCare.Privacy.Consent;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Notifications;

/// <summary>
/// Sends what the outbox holds: claims due messages, hands each to its channel with its idempotency key as the message
/// id, and records the outcome. A transient failure is retried with a doubling backoff (or the channel's own
/// retry-after) until <see cref="OutboxOptions.MaxAttempts"/>, then dead-lettered; a permanent failure is recorded with
/// the channel's reason. Just before a commercial message goes to its channel, the dispatcher reads the customer's
/// consent for the message's purpose and channel from the <see cref="IConsentLedger"/> again: a withdrawal recorded
/// after the message was queued wins, and the message is <see cref="OutboxStatus.Cancelled"/> with the reason instead of
/// sent.
/// </summary>
/// <remarks>
/// At least once to the channel: a dispatcher that dies after sending but before recording leaves the message to be
/// claimed again when its lease ends; the repeated message id lets the channel make the effect exactly once.
/// Thread-safe; run one or several per process, in as many processes as you like.
/// </remarks>
public sealed class OutboxDispatcher
{
    private readonly IOutboxStore _outbox;
    private readonly IConsentLedger _consents;
    private readonly Dictionary<string, IOutboundChannel> _channels;
    private readonly IClock _clock;
    private readonly OutboxOptions _options;

    /// <summary>Creates the dispatcher.</summary>
    /// <param name="outbox">The outbox.</param>
    /// <param name="channels">The channels, by <see cref="IOutboundChannel.Name"/>.</param>
    /// <param name="consents">The consent ledger, checked again before each commercial message leaves.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The settings.</param>
    /// <exception cref="FieldValidationException">A setting is out of range.</exception>
    /// <exception cref="ArgumentException">Two channels share a name.</exception>
    public OutboxDispatcher(IOutboxStore outbox, IEnumerable<IOutboundChannel> channels, IConsentLedger consents, IClock clock, OutboxOptions options)
    {
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _consents = consents ?? throw new ArgumentNullException(nameof(consents));
        ArgumentNullException.ThrowIfNull(channels);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _channels = new Dictionary<string, IOutboundChannel>(StringComparer.Ordinal);
        foreach (var channel in channels)
        {
            if (!_channels.TryAdd(channel.Name, channel))
            {
                throw new ArgumentException($"Two outbound channels are named '{channel.Name}'.", nameof(channels));
            }
        }
    }

    /// <summary>Claims one batch of due messages and sends them.</summary>
    /// <param name="cancellationToken">Cancels the round; a message being sent is finished or left to its lease.</param>
    /// <returns>What the round did; <see cref="DispatchResult.Claimed"/> is 0 when nothing was due.</returns>
    public async ValueTask<DispatchResult> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await _outbox.ClaimDueAsync(_clock.GetCurrentInstant(), _options.DispatcherId, _options.Lease, _options.BatchSize, cancellationToken).ConfigureAwait(false);
        var round = new Round(claimed.Count);
        if (_options.MaxConcurrentSends == 1)
        {
            foreach (var message in claimed)
            {
                var withdrawn = await ConsentMissingAsync(message, cancellationToken).ConfigureAwait(false);
                var completed = withdrawn is not null ? Withdrawn(message, withdrawn) : await SentAsync(message, cancellationToken).ConfigureAwait(false);
                await RecordAsync(completed, round, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await DispatchConcurrentlyAsync(claimed, round, cancellationToken).ConfigureAwait(false);
        }

        return round.Result();
    }

    /// <summary>Keeps up to <see cref="OutboxOptions.MaxConcurrentSends"/> messages with their channels, recording each outcome in claim order.</summary>
    private async Task DispatchConcurrentlyAsync(IReadOnlyList<OutboxMessage> claimed, Round round, CancellationToken cancellationToken)
    {
        var inFlight = new Queue<Task<OutboxMessage>>(_options.MaxConcurrentSends);
        try
        {
            foreach (var message in claimed)
            {
                if (inFlight.Count == _options.MaxConcurrentSends)
                {
                    await RecordAsync(await inFlight.Dequeue().ConfigureAwait(false), round, cancellationToken).ConfigureAwait(false);
                }

                cancellationToken.ThrowIfCancellationRequested();
                // The consent is read here, on the round's own flow: only the channel's part runs beside the others, so
                // a store that serializes its reads with the round's writes is not made to take turns between threads.
                var withdrawn = await ConsentMissingAsync(message, cancellationToken).ConfigureAwait(false);
                inFlight.Enqueue(withdrawn is not null
                    ? Task.FromResult(Withdrawn(message, withdrawn))
                    : Task.Run(() => SentAsync(message, cancellationToken).AsTask(), CancellationToken.None));
            }

            while (inFlight.Count > 0)
            {
                await RecordAsync(await inFlight.Dequeue().ConfigureAwait(false), round, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // A round that ends early (cancelled, or a store that failed) still waits for the sends it started, so none
            // runs on after it returns; their messages stay claimed and go out again when the lease ends.
            while (inFlight.TryDequeue(out var started))
            {
                await ((Task)started).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>The message as it is to be recorded after its channel's answer.</summary>
    private async ValueTask<OutboxMessage> SentAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        Complete(message, await SendAsync(message, cancellationToken).ConfigureAwait(false), _clock.GetCurrentInstant());

    private static OutboxMessage Withdrawn(OutboxMessage message, string reason) => message with { Status = OutboxStatus.Cancelled, LastError = reason };

    private async ValueTask RecordAsync(OutboxMessage completed, Round round, CancellationToken cancellationToken)
    {
        if (await _outbox.CompleteAsync(completed, _options.DispatcherId, cancellationToken).ConfigureAwait(false))
        {
            round.Count(completed.Status);
        }
        else
        {
            round.Lost++;
        }
    }

    /// <summary>Why a commercial message may not leave now, from the ledger; <see langword="null"/> when it may (or is transactional).</summary>
    private async ValueTask<string?> ConsentMissingAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Kind != MessageKind.Commercial)
        {
            return null;
        }

        if (message.CustomerId is not { } customerId)
        {
            return "consent: a commercial message names no customer";
        }

        if (!NotificationService.TryReadPurpose(message.Metadata, out var purpose))
        {
            return $"consent: unknown purpose '{message.Metadata[NotificationService.PurposeKey]}'";
        }

        if (!ConsentChannels.TryFromOutboundChannel(message.Channel, out var channel))
        {
            return $"consent: no consent channel covers '{message.Channel}'";
        }

        var state = await _consents.StateAsync(customerId, cancellationToken).ConfigureAwait(false);
        return state.Allows(purpose, channel)
            ? null
            : $"consent_withdrawn: the ledger holds no {NotificationService.PurposeText(purpose)} consent on {message.Channel} at send time";
    }

    private async ValueTask<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!_channels.TryGetValue(message.Channel, out var channel))
        {
            return SendResult.Permanent($"no outbound channel named '{message.Channel}' is registered");
        }

        var outbound = new OutboundMessage(message.Id, message.Channel, message.Recipient, message.Body)
        {
            Subject = message.Subject,
            ContentType = message.ContentType,
            Metadata = message.Metadata,
        };
        try
        {
            return await channel.SendAsync(outbound, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception thrown) when (thrown is not OperationCanceledException)
        {
            // A channel that throws has not said the failure is permanent; retrying is the safe reading.
            return SendResult.Transient($"{thrown.GetType().Name}: {thrown.Message}");
        }
    }

    private OutboxMessage Complete(OutboxMessage message, SendResult result, Instant now)
    {
        var attempts = message.Attempts + 1;
        return result.Status switch
        {
            SendStatus.Sent => message with { Status = OutboxStatus.Sent, Attempts = attempts, SentAt = now, ProviderMessageId = result.ProviderMessageId, LastError = null },
            SendStatus.PermanentFailure => message with { Status = OutboxStatus.Failed, Attempts = attempts, LastError = result.Error },
            _ when attempts >= _options.MaxAttempts => message with { Status = OutboxStatus.DeadLetter, Attempts = attempts, LastError = result.Error },
            _ => message with { Status = OutboxStatus.Pending, Attempts = attempts, LastError = result.Error, DueAt = now + (result.RetryAfter ?? _options.RetryAfter(attempts)) },
        };
    }

    /// <summary>The counts of one round.</summary>
    private sealed class Round(int claimed)
    {
        private int _sent, _retrying, _failed, _dead, _cancelled;

        public int Lost { get; set; }

        public void Count(OutboxStatus status)
        {
            switch (status)
            {
                case OutboxStatus.Sent: _sent++; break;
                case OutboxStatus.Pending: _retrying++; break;
                case OutboxStatus.Failed: _failed++; break;
                case OutboxStatus.DeadLetter: _dead++; break;
                case OutboxStatus.Cancelled: _cancelled++; break;
            }
        }

        public DispatchResult Result() => new(claimed, _sent, _retrying, _failed, _dead, Lost) { Cancelled = _cancelled };
    }
}
