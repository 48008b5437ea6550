namespace CustomerCare.Channels.Files;

/// <summary>How a <see cref="FileChannel"/> writes what it is sent.</summary>
public enum FileChannelFormat
{
    /// <summary>One <c>.eml</c> file (RFC 5322, MIME) per message, named by its message id: for e-mail.</summary>
    Eml = 0,

    /// <summary>One tab-separated line per message, appended to <c>&lt;name&gt;.log</c>: for SMS, push and the like.</summary>
    Log,

    /// <summary>
    /// Every e-mail appended to one <c>&lt;name&gt;.mbox</c> mailbox (mboxrd) that mail clients import: for e-mail in
    /// bulk, where one file per message would fill a folder with hundreds of thousands of files.
    /// </summary>
    Mbox,
}
