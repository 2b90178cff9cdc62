namespace ApimAiGateway.Harness.Templates;

/// <summary>set-body's <c>xsi-nil</c> attribute: how an XML element with <c>xsi:nil="true"</c> appears to the template.</summary>
public enum LiquidXsiNil
{
    /// <summary>As an empty string (the default).</summary>
    Blank,

    /// <summary>As null.</summary>
    Null,
}
