using System.Globalization;
using System.Net.Sockets;
using CustomerCare.Channels;
using CustomerCare.Channels.Files;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using NodaTime;

namespace CustomerCare.MailKit;

/// <summary>
/// The <c>email</c> outbound channel over SMTP, with MailKit: a <c>text/plain</c> message, or a
/// <c>multipart/alternative</c> HTML and text message, whose <c>Message-ID</c> is derived from the outbox idempotency
/// key (<see cref="EmailMessageId"/>).
/// </summary>
/// <remarks>
/// <para><b>Connection.</b> One SMTP connection is kept open and reused for every send; sends take turns on it. Before
/// a connection is reused it is probed with <c>NOOP</c>, so a connection the server has closed is replaced before a
/// message is committed to it. After any failure the connection is dropped and the next send opens a new one. Every
/// wait is bounded by <see cref="SmtpChannelOptions.ConnectTimeout"/> or <see cref="SmtpChannelOptions.CommandTimeout"/>
/// and by the caller's cancellation token, including the wait for a turn.</para>
/// <para><b>Idempotency.</b> SMTP cannot refuse a repeated message, so a resend (a dispatcher that died after sending
/// but before recording) reaches the recipient twice with the same <c>Message-ID</c> and
/// <c>X-CustomerCare-Message-Id</c>, which lets the receiving side drop it. This instance remembers the last 50 000 ids
/// it delivered and reports <see cref="SendStatus.Sent"/> for them without sending again.</para>
/// <para><b>Failures.</b> <see cref="SendStatus.PermanentFailure"/>: a 5xx reply (550 mailbox unavailable, 553 bad
/// address), with the server's reply text; a recipient that is not an e-mail address; a media type other than
/// <c>text/plain</c> or <c>text/html</c>. <see cref="SendStatus.TransientFailure"/>: a refused or broken connection, a
/// timeout, a 4xx reply, failed authentication or TLS (the channel's configuration, which an operator fixes).
/// Cancellation propagates as <see cref="OperationCanceledException"/>.</para>
/// <para><b>Thread safety.</b> <see cref="SendAsync"/> may be called concurrently.</para>
/// </remarks>
public sealed class SmtpChannel : IOutboundChannel, IAsyncDisposable, IDisposable
{
    /// <summary>The channel name messages for it carry: <c>email</c>.</summary>
    public const string DefaultName = "email";

    private const int RememberedIds = 50_000;

    private readonly SmtpChannelOptions _options;
    private readonly IClock _clock;
    private readonly string _messageIdDomain;
    private readonly string _server;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly SentIds _sent = new(RememberedIds);
    private SmtpClient? _client;
    private bool _disposed;

    /// <summary>Creates the channel; it connects when the first message is sent.</summary>
    /// <param name="options">The server and the sender; copied, so later changes have no effect.</param>
    /// <param name="clock">The clock for the <c>Date</c> header.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FieldValidationException">A setting is invalid; every problem is listed, naming the setting and its value.</exception>
    public SmtpChannel(SmtpChannelOptions options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        var errors = options.Check();
        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }

        _options = new SmtpChannelOptions
        {
            Host = options.Host,
            Port = options.Port,
            SecureSocket = options.SecureSocket,
            UserName = options.UserName,
            Password = options.Password,
            From = options.From,
            FromName = options.FromName,
            MessageIdDomain = options.MessageIdDomain,
            ConnectTimeout = options.ConnectTimeout,
            CommandTimeout = options.CommandTimeout,
        };
        _messageIdDomain = _options.ResolvedMessageIdDomain();
        _server = string.Create(CultureInfo.InvariantCulture, $"{_options.Host}:{_options.Port}");
    }

    /// <inheritdoc />
    public string Name => DefaultName;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The channel was disposed.</exception>
    public async ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        var messageId = "<" + EmailMessageId.Create(message.MessageId, _messageIdDomain) + ">";
        if (_sent.Contains(message.MessageId))
        {
            return SendResult.Sent(messageId);
        }

        if (!SmtpMessageFactory.TryCreate(message, _options, messageId[1..^1], _clock.GetCurrentInstant(), out var mime, out var invalid))
        {
            return SendResult.Permanent(invalid);
        }

        using (mime)
        {
            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            var succeeded = false;
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                var client = await ConnectedClientAsync(cancellationToken).ConfigureAwait(false);
                await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
                _sent.Add(message.MessageId);
                succeeded = true;
                return SendResult.Sent(messageId);
            }
            catch (Exception failure) when (SmtpFailures.TryClassify(failure, _server, cancellationToken, out var result))
            {
                return result;
            }
            finally
            {
                if (!succeeded)
                {
                    // After a failure or a cancellation the session's state is unknown; the next send starts afresh.
                    DropClient();
                }

                _turn.Release();
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Returns this channel for <see cref="SmtpChannel"/>, and nothing else.</remarks>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>Says goodbye to the server (<c>QUIT</c>, bounded by the command timeout) and closes the connection.</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using var timeout = new CancellationTokenSource(_options.CommandTimeout);
        if (_client is { IsConnected: true } client && await _turn.WaitAsync(_options.CommandTimeout).ConfigureAwait(false))
        {
            try
            {
                await client.DisconnectAsync(quit: true, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is IOException or SocketException or ProtocolException or CommandException or OperationCanceledException)
            {
                // The server went away first; closing is all that was left to do.
            }
            finally
            {
                _turn.Release();
            }
        }

        Dispose();
    }

    /// <summary>Closes the connection without <c>QUIT</c>.</summary>
    public void Dispose()
    {
        _disposed = true;
        DropClient();
    }

    private async ValueTask<SmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } open)
        {
            try
            {
                await open.NoOpAsync(cancellationToken).ConfigureAwait(false);
                return open;
            }
            catch (Exception stale) when (stale is IOException or SocketException or ServiceNotConnectedException or ProtocolException or CommandException or TimeoutException)
            {
                // The server closed an idle connection, or went away; nothing was sent on it, so open a new one.
            }
        }

        DropClient();
        var client = new SmtpClient { Timeout = (int)_options.CommandTimeout.TotalMilliseconds };
        _client = client;
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connectTimeout.CancelAfter(_options.ConnectTimeout);
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, ToMailKit(_options.SecureSocket), connectTimeout.Token).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, connectTimeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"connecting took longer than the ConnectTimeout of {_options.ConnectTimeout:c}"));
        }

        return client;
    }

    private void DropClient()
    {
        var client = Interlocked.Exchange(ref _client, null);
        client?.Dispose();
    }

    private static SecureSocketOptions ToMailKit(SmtpSecureSocket secureSocket) => secureSocket switch
    {
        SmtpSecureSocket.None => global::MailKit.Security.SecureSocketOptions.None,
        SmtpSecureSocket.StartTls => global::MailKit.Security.SecureSocketOptions.StartTls,
        SmtpSecureSocket.StartTlsWhenAvailable => global::MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable,
        SmtpSecureSocket.SslOnConnect => global::MailKit.Security.SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(secureSocket), secureSocket, "Unknown secure socket option."),
    };
}
