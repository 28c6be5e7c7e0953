package com.sartiq.hub.backend.users;

import com.sartiq.hub.backend.utils.Paging;
import com.sartiq.hub.common.rest.RequestValidationException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UsersTest {

    private final CamelContext context = new DefaultCamelContext();

    @Test
    void searchTermsMatchLiterally() {
        assertEquals("%50\\%\\_off\\\\%", Users.searchPattern(" 50%_off\\ "));
        assertNull(Users.searchPattern("  "));
    }

    @Test
    void tokensAreStoredAsTheirDigest() {
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", Users.digest("hello"));
    }

    @Test
    void pagingDefaultsAndNamesEveryBadValue() {
        assertEquals(new Paging(0, 100), Paging.of(exchange(null, null)));
        assertEquals(new Paging(20, 5), Paging.of(exchange("20", "5")));
        RequestValidationException bad = assertThrows(RequestValidationException.class, () -> Paging.of(exchange("-1", "x")));
        assertEquals(2, bad.errors().size());
        assertEquals("greater_than_equal", bad.errors().get(0).type());
        assertEquals("int_parsing", bad.errors().get(1).type());
        assertThrows(RequestValidationException.class, () -> Paging.of(exchange("0", "1001")));
    }

    private Exchange exchange(String skip, String limit) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader("skip", skip);
        exchange.getMessage().setHeader("limit", limit);
        return exchange;
    }
}
