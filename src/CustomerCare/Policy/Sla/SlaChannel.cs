namespace CustomerCare.Policy.Sla;

/// <summary>The channel a complaint or message came in on; SLA targets differ per channel.</summary>
public enum SlaChannel
{
    /// <summary>The web site's contact form.</summary>
    ContactForm = 0,

    /// <summary>E-mail.</summary>
    Email = 1,

    /// <summary>A phone call to the call centre (a callback when it was missed).</summary>
    Phone = 2,

    /// <summary>Live chat on the web site or in the app.</summary>
    LiveChat = 3,

    /// <summary>Twitter / X: mentions and direct messages.</summary>
    Twitter = 4,

    /// <summary>Facebook: comments and Messenger.</summary>
    Facebook = 5,

    /// <summary>A public complaint site such as sikayetvar.com, alosikayet.com or sikayetim.com.</summary>
    ComplaintSite = 6,
}
