namespace ApimAiGateway.Harness.Reading;

/// <summary>What an '&amp;' in policy text turned out to be.</summary>
internal enum XmlEntityMatch
{
    /// <summary>A bare '&amp;' (raw form, e.g. C# '&amp;&amp;'), kept as written.</summary>
    NotAnEntity,

    /// <summary>A predefined entity or a valid character reference.</summary>
    Decoded,

    /// <summary>Entity syntax with a name XML does not predefine, such as '&amp;nbsp;'.</summary>
    Unknown,

    /// <summary>A character reference to a code point that is not an XML character.</summary>
    InvalidCharacterReference,
}
