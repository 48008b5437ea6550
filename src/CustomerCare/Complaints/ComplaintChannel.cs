namespace CustomerCare.Complaints;

/// <summary>The channel a complaint came in on; response targets, assignment and what may be said in public differ per channel.</summary>
public enum ComplaintChannel
{
    /// <summary>The web site's contact form.</summary>
    ContactForm = 0,

    /// <summary>E-mail.</summary>
    Email = 1,

    /// <summary>A phone call to the call centre.</summary>
    Phone = 2,

    /// <summary>Live chat on the web site or in the app.</summary>
    LiveChat = 3,

    /// <summary>Twitter / X: mentions and direct messages.</summary>
    Twitter = 4,

    /// <summary>Facebook: comments and Messenger.</summary>
    Facebook = 5,

    /// <summary>A public complaint site such as sikayetvar.com, alosikayet.com or sikayetim.com.</summary>
    ComplaintSite = 6,

    /// <summary>A low satisfaction-survey score, opened as a complaint by the library (seed 004).</summary>
    Survey = 7,
}
