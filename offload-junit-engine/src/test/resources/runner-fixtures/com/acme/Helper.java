package com.acme;

/** Not a test class: the default class-name pattern leaves it out. */
class Helper {}
