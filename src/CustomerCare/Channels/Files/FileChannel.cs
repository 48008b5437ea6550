using System.Diagnostics.CodeAnalysis;
using System.Text;
using CustomerCare.Customers;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Channels.Files;

/// <summary>
/// An outbound channel that writes what it is sent to files instead of delivering it: each e-mail as an <c>.eml</c>
/// file that any mail client opens or as one message of an mbox mailbox, each SMS or push message as one line of a
/// log. For development, samples and systems that pick the files up themselves.
/// </summary>
/// <remarks>
/// <para><b>Layout.</b> <see cref="FileChannelFormat.Eml"/> writes <c>&lt;folder&gt;/&lt;name&gt;/&lt;local part&gt;.eml</c>,
/// where the local part is <see cref="EmailMessageId.LocalPart"/> of the message id, the same as in the
/// <c>Message-ID</c> header. <see cref="FileChannelFormat.Log"/> appends to <c>&lt;folder&gt;/&lt;name&gt;.log</c>
/// lines of <c>instant, message id, recipient, subject, body</c>, tab-separated and escaped (<c>\\ \t \n \r \uXXXX</c>).
/// <see cref="FileChannelFormat.Mbox"/> appends the same messages as the <c>.eml</c> files to
/// <c>&lt;folder&gt;/&lt;name&gt;.mbox</c>, in the mboxrd form.</para>
/// <para><b>Idempotency.</b> The same message id is written once. An <c>.eml</c> file that exists is the proof: several
/// processes may share the folder. A log or a mailbox remembers the ids it holds, read from the file when first used;
/// two processes appending to one file do not see each other's ids, so give each process its own.</para>
/// <para><b>Atomicity.</b> An <c>.eml</c> file is written to a hidden temporary file, flushed to disk and moved into
/// place, so a reader sees a whole message or none. A log line or a mailbox entry is appended with one write and
/// flushed; a line torn by a crash (no line end), or an entry shorter than its recorded length, is cut off when the
/// file is next opened, and that message is written again.</para>
/// <para><b>Failures.</b> A malformed e-mail address or an unsupported media type is a
/// <see cref="SendStatus.PermanentFailure"/>; an I/O error (disk full, no permission) a
/// <see cref="SendStatus.TransientFailure"/>.</para>
/// <para><b>Thread safety.</b> <see cref="SendAsync"/> may be called concurrently; appends to a log or a mailbox are serialized.</para>
/// </remarks>
public sealed class FileChannel : IOutboundChannel, IDisposable
{
    private const int MaxNameLength = 64;

    private readonly IClock _clock;
    private readonly string _from;
    private readonly string? _fromName;
    private readonly bool _flushToDisk;
    private readonly string _messageIdDomain;
    private readonly SemaphoreSlim _logGate = new(1, 1);
    private HashSet<string>? _loggedIds;

    /// <summary>Creates a file channel.</summary>
    /// <param name="name">The channel name it serves, such as <c>email</c> or <c>sms</c>: letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, since it names a file.</param>
    /// <param name="format">How it writes.</param>
    /// <param name="options">The folder and the sender; read once, here.</param>
    /// <param name="clock">The clock for <c>Date</c> headers and log lines.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FieldValidationException">The name or a setting is invalid; every problem is listed.</exception>
    public FileChannel(string name, FileChannelFormat format, FileChannelOptions options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        if (CheckName(name) is { } nameError)
        {
            throw new FieldValidationException(nameError);
        }

        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown file channel format.");
        }

        _messageIdDomain = options.Validate();
        _from = AsciiDomain(EmailAddress.Parse(options.From));
        _fromName = options.FromName;
        _flushToDisk = options.FlushToDisk;
        Name = name;
        Format = format;
        OutputPath = Path.GetFullPath(format switch
        {
            FileChannelFormat.Eml => Path.Combine(options.Folder, name),
            FileChannelFormat.Mbox => Path.Combine(options.Folder, name + ".mbox"),
            _ => Path.Combine(options.Folder, name + ".log"),
        });
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>How it writes.</summary>
    public FileChannelFormat Format { get; }

    /// <summary>The full path it writes to: the folder of the <c>.eml</c> files, the mailbox or the log file.</summary>
    public string OutputPath { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The channel was disposed.</exception>
    public async ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Format switch
            {
                FileChannelFormat.Eml => WriteEml(message),
                FileChannelFormat.Mbox => await AppendMboxAsync(message, cancellationToken).ConfigureAwait(false),
                _ => await AppendLogAsync(message, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return SendResult.Transient($"{failure.GetType().Name}: {failure.Message}");
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose() => _logGate.Dispose();

    /// <summary>Checks a channel name for use as a file name.</summary>
    internal static FieldError? CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return FieldErrors.Create("name", name, FieldErrorCodes.Required, "is required");
        }

        if (name.Length > MaxNameLength)
        {
            return FieldErrors.Create("name", name, FieldErrorCodes.TooLong, $"is longer than {MaxNameLength} characters");
        }

        return name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && name[0] != '.'
            ? null
            : FieldErrors.Create("name", name, FieldErrorCodes.Malformed, "names a file, so it may hold only ASCII letters, digits, '-', '_' and '.', and not start with '.'");
    }

    /// <summary>The address with its domain in ASCII (<c>xn--…</c>), so that the headers stay 7-bit.</summary>
    private static string AsciiDomain(EmailAddress address) =>
        address.Value[..address.Value.LastIndexOf('@')] + "@" + (EmailMessageId.TryNormalizeDomain(address.Domain, out var ascii, out _) ? ascii : address.Domain);

    private SendResult WriteEml(OutboundMessage message)
    {
        if (!TryCompose(message, _clock.GetCurrentInstant(), out var messageIdHeader, out var eml, out var failure))
        {
            return failure;
        }

        var path = Path.Combine(OutputPath, messageIdHeader[..messageIdHeader.IndexOf('@', StringComparison.Ordinal)] + ".eml");
        // No look for an existing file first: a send is rarely a retry, and in a folder of many messages that look
        // cost 11 µs or more each time. A file already there makes the move fail, and the message stays as it was.
        AtomicFile.TryCreate(path, Encoding.UTF8.GetBytes(eml), _flushToDisk);
        return SendResult.Sent("<" + messageIdHeader + ">");
    }

    private async ValueTask<SendResult> AppendMboxAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        // One instant for the Date header and the separator line, which a reader takes for the same time.
        var at = _clock.GetCurrentInstant();
        if (!TryCompose(message, at, out var messageIdHeader, out var eml, out var failure))
        {
            return failure;
        }

        await AppendOnceAsync(
            messageIdHeader,
            _ => ValueTask.FromResult(MboxFile.ReadIds(OutputPath)),
            () => MboxEntry.Format(eml, messageIdHeader, at),
            cancellationToken).ConfigureAwait(false);
        return SendResult.Sent("<" + messageIdHeader + ">");
    }

    /// <summary>The message's RFC 5322 text, dated <paramref name="at"/>, and its <c>Message-ID</c>, or why no mail could carry it.</summary>
    private bool TryCompose(OutboundMessage message, Instant at, out string messageIdHeader, out string eml, [NotNullWhen(false)] out SendResult? failure)
    {
        (messageIdHeader, eml, failure) = (string.Empty, string.Empty, null);
        if (!EmailAddress.TryParse(message.Recipient, out var to, out var toError, "recipient"))
        {
            failure = SendResult.Permanent(toError.Message);
            return false;
        }

        if (!EmailContent.TryFrom(message, out var content, out var contentError))
        {
            failure = SendResult.Permanent(contentError.Message);
            return false;
        }

        messageIdHeader = EmailMessageId.Create(message.MessageId, _messageIdDomain);
        eml = EmlWriter.Write(new EmlEnvelope(message.MessageId, messageIdHeader, at, _from, _fromName, AsciiDomain(to), message.Subject), content);
        return true;
    }

    private async ValueTask<SendResult> AppendLogAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message.Recipient))
        {
            return SendResult.Permanent(FieldErrors.Create("recipient", message.Recipient, FieldErrorCodes.Required, "is required").Message);
        }

        await AppendOnceAsync(
            message.MessageId,
            ReadLoggedIdsAsync,
            () => Encoding.UTF8.GetBytes(LogLine.Format(InstantPattern.ExtendedIso.Format(_clock.GetCurrentInstant()), message.MessageId, message.Recipient, message.Subject, message.Body)),
            cancellationToken).ConfigureAwait(false);
        return SendResult.Sent();
    }

    /// <summary>
    /// Appends the record of <paramref name="id"/> to <see cref="OutputPath"/> unless the file holds it already, as
    /// the ids read from the file on first use and those appended since say. Appends are serialized.
    /// </summary>
    private async ValueTask AppendOnceAsync(string id, Func<CancellationToken, ValueTask<HashSet<string>>> readIds, Func<byte[]> record, CancellationToken cancellationToken)
    {
        await _logGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _loggedIds ??= await readIds(cancellationToken).ConfigureAwait(false);
            if (_loggedIds.Contains(id))
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(OutputPath)!);
            using (var stream = new FileStream(OutputPath, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0))
            {
                // One write per record: concurrent readers see whole records, and a crash tears at most the last one,
                // which the next open cuts off.
                stream.Write(record());
                stream.Flush(_flushToDisk);
            }

            _loggedIds.Add(id);
        }
        finally
        {
            _logGate.Release();
        }
    }

    private async ValueTask<HashSet<string>> ReadLoggedIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(OutputPath))
        {
            return ids;
        }

        var bytes = await File.ReadAllBytesAsync(OutputPath, cancellationToken).ConfigureAwait(false);
        var complete = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        if (complete < bytes.Length)
        {
            // The tail after the last line end is a line torn by a crash: its message was never reported sent.
            await using var stream = new FileStream(OutputPath, FileMode.Open, FileAccess.Write, FileShare.Read);
            stream.SetLength(complete);
        }

        foreach (var line in Encoding.UTF8.GetString(bytes, 0, complete).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t');
            if (fields.Length > LogLine.IdField)
            {
                ids.Add(LogLine.Unescape(fields[LogLine.IdField]));
            }
        }

        return ids;
    }
}
