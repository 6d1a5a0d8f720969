namespace VikaIvr.Data;

/// <summary>The store could not answer (unavailable, locked, corrupt). Messages hold no personal data.</summary>
public sealed class DataStoreException : Exception
{
    public DataStoreException(string message) : base(message) { }

    public DataStoreException(string message, Exception inner) : base(message, inner) { }
}
