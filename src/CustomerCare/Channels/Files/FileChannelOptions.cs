namespace CustomerCare.Channels.Files;

/// <summary>Where and as whom the file channels write.</summary>
public sealed class FileChannelOptions
{
    /// <summary>The folder that receives the files; created when the first message is written. Required.</summary>
    public string Folder { get; set; } = string.Empty;

    /// <summary>The <c>From</c> address of the e-mails. Default <c>customercare@localhost.invalid</c>.</summary>
    public string From { get; set; } = "customercare@localhost.invalid";

    /// <summary>The <c>From</c> display name, such as <c>Müşteri Hizmetleri</c>; none when <see langword="null"/>.</summary>
    public string? FromName { get; set; }

    /// <summary>The right-hand side of the <c>Message-ID</c>s; the domain of <see cref="From"/> when <see langword="null"/>.</summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>
    /// The channel names <c>UseFileChannels</c> registers, one <see cref="FileChannel"/> each: <c>email</c> writes in
    /// <see cref="EmailFormat"/>, every other name a <see cref="FileChannelFormat.Log"/>. Default
    /// <c>email</c>, <c>sms</c> and <c>push</c>; leave out a name that another channel serves, such as <c>email</c>
    /// when SMTP is used.
    /// </summary>
    public IList<string> Channels { get; } = ["email", "sms", "push"];

    /// <summary>
    /// How the <c>email</c> channel writes: <see cref="FileChannelFormat.Eml"/> files (the default), one per message, or
    /// one <see cref="FileChannelFormat.Mbox"/> mailbox. A file per message is easy to look at and safe for several
    /// processes; a mailbox is much cheaper in bulk (see the channel's documentation).
    /// </summary>
    public FileChannelFormat EmailFormat { get; set; } = FileChannelFormat.Eml;

    /// <summary>
    /// Whether each message is forced to disk before the channel reports it sent. Default <see langword="true"/>: a
    /// message reported sent survives a power cut. Turn it off for a development folder, where a crash may lose the last
    /// messages, to write many files fast (each forced write costs about a millisecond).
    /// </summary>
    public bool FlushToDisk { get; set; } = true;

    /// <summary>Checks the settings.</summary>
    /// <returns>The <c>Message-ID</c> domain in ASCII.</returns>
    /// <exception cref="FieldValidationException">A setting is invalid; every problem is listed, naming the setting and its value.</exception>
    internal string Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Folder) || Folder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add(FieldErrors.Create(nameof(Folder), Folder, string.IsNullOrWhiteSpace(Folder) ? FieldErrorCodes.Required : FieldErrorCodes.Malformed, "must name a folder"));
        }

        var fromValid = Customers.EmailAddress.TryParse(From, out var from, out var fromError, nameof(From));
        if (!fromValid)
        {
            errors.Add(fromError!);
        }

        if (FromName is not null && FromName.Any(char.IsControl))
        {
            errors.Add(FieldErrors.Create(nameof(FromName), FromName, FieldErrorCodes.Malformed, "contains a control character"));
        }

        string? domain = null;
        if (MessageIdDomain is not null || fromValid)
        {
            var candidate = MessageIdDomain ?? from.Domain;
            if (!EmailMessageId.TryNormalizeDomain(candidate, out domain, out var domainError, nameof(MessageIdDomain)))
            {
                errors.Add(domainError);
            }
        }

        if (EmailFormat is not (FileChannelFormat.Eml or FileChannelFormat.Mbox))
        {
            errors.Add(FieldErrors.Create(nameof(EmailFormat), EmailFormat.ToString(), FieldErrorCodes.Malformed, "must be Eml or Mbox; a log cannot carry an e-mail's MIME parts"));
        }

        foreach (var name in Channels)
        {
            if (FileChannel.CheckName(name) is { } nameError)
            {
                errors.Add(nameError);
            }
        }

        return errors.Count > 0 ? throw new FieldValidationException(errors) : domain!;
    }
}
