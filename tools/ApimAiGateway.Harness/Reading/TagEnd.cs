namespace ApimAiGateway.Harness.Reading;

/// <summary>How a start tag ended.</summary>
internal enum TagEnd
{
    /// <summary>'&gt;': the element has content and an end tag.</summary>
    Open,

    /// <summary>'/&gt;': the element is complete.</summary>
    SelfClosing,

    /// <summary>The file ended inside the tag.</summary>
    EndOfFile,
}
