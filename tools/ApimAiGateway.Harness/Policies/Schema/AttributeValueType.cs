namespace ApimAiGateway.Harness.Policies;

/// <summary>The literal form an attribute value must have when it is not a policy expression.</summary>
public enum AttributeValueType
{
    /// <summary>Any text.</summary>
    String,

    /// <summary>A whole number (xs:int in the service schema).</summary>
    Integer,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A decimal number such as a similarity threshold.</summary>
    Number,

    /// <summary>One of <see cref="AttributeSpec.AllowedValues"/>.</summary>
    Enumeration,

    /// <summary>A .NET TimeSpan literal such as <c>00:10:00</c>.</summary>
    TimeSpan,

    /// <summary>An ISO 8601 date and time such as <c>2024-01-01T00:00:00Z</c>.</summary>
    DateTime,
}
